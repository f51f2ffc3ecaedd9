export default definePageConfig({ navigationBarTitleText: '揭榜方案', enablePullDownRefresh: true });
