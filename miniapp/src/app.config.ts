export default defineAppConfig({
  pages: ['pages/index/index', 'pages/post/index', 'pages/inbox/index', 'pages/me/index', 'pages/demand/index'],
  // Pages a person opens from 我的 live in a subpackage, loaded on first use: the main package stays small.
  subPackages: [
    { root: 'mine', pages: ['my-demands/index', 'my-follows/index', 'subscriptions/index', 'review/index'] },
    // 揭榜比拼: solutions, the owner's triage, judging, tracks, awards and the figures.
    {
      root: 'contest',
      pages: [
        'solution-form/index',
        'my-solutions/index',
        'solutions/index',
        'judging/index',
        'judging/sheet',
        'tracks/index',
        'track-demands/index',
        'stats/index',
        'award-form/index',
      ],
    },
    // 成果库: a 成果's detail, its form, the holder's list, invitations, matched demands and the rough scorecard.
    {
      root: 'achievements',
      pages: ['detail/index', 'form/index', 'mine/index', 'invitations/index', 'matches/index', 'scorecard/index'],
    },
  ],
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '创新挑战赛',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f8',
  },
  tabBar: {
    color: '#666666',
    selectedColor: '#c8102e',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/index/index',
        iconPath: 'assets/tab/hall.png',
        selectedIconPath: 'assets/tab/hall-active.png',
        text: '需求大厅',
      },
      {
        pagePath: 'pages/post/index',
        iconPath: 'assets/tab/post.png',
        selectedIconPath: 'assets/tab/post-active.png',
        text: '发布',
      },
      {
        pagePath: 'pages/inbox/index',
        iconPath: 'assets/tab/inbox.png',
        selectedIconPath: 'assets/tab/inbox-active.png',
        text: '消息',
      },
      { pagePath: 'pages/me/index', iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-active.png', text: '我的' },
    ],
  },
});
