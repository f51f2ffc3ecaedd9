export default definePageConfig({ navigationBarTitleText: '成果粗评估', enablePullDownRefresh: true });
