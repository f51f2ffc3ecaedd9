// Taro's build defines these; under jest they are plain environment variables.
process.env.TARO_ENV = 'h5';
process.env.TARO_APP_API_BASE = 'http://api.test';
process.env.TARO_APP_TEMPLATE_NEW_MATCH = 'tmpl-new-match';
process.env.TARO_APP_TEMPLATE_STATUS = 'tmpl-status';
