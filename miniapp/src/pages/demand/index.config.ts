export default definePageConfig({
  navigationBarTitleText: '需求详情',
  // useShareAppMessage only works when the page declares it.
  enableShareAppMessage: true,
});
