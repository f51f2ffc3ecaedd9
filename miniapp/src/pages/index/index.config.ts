export default definePageConfig({
  navigationBarTitleText: '需求大厅',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
