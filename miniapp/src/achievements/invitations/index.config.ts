export default definePageConfig({ navigationBarTitleText: '揭榜邀请', enablePullDownRefresh: true });
