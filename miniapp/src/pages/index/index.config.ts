export default definePageConfig({ navigationBarTitleText: '需求大厅' });
