export default definePageConfig({ navigationBarTitleText: '匹配成果', enablePullDownRefresh: true });
