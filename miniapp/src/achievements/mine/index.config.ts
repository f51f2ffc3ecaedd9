export default definePageConfig({ navigationBarTitleText: '我的成果', enablePullDownRefresh: true });
