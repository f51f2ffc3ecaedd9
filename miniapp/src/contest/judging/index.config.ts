export default definePageConfig({ navigationBarTitleText: '评审打分', enablePullDownRefresh: true });
