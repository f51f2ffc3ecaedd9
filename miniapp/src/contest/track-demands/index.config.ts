export default definePageConfig({ navigationBarTitleText: '专场需求', enablePullDownRefresh: true });
