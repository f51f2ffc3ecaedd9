export default definePageConfig({ navigationBarTitleText: '颁发奖项' });
