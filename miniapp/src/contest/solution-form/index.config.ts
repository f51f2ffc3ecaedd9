export default definePageConfig({ navigationBarTitleText: '我要揭榜' });
