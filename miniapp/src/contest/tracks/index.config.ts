export default definePageConfig({ navigationBarTitleText: '专场', enablePullDownRefresh: true });
