export { formatBudget, formatBudgetAmount, formatMinBudget } from './budget';
export { formatDate, formatDateTime, formatRelativeTime } from './time';
export { formatRegion, formatRegionShort } from './region';
export { cooperationLabels, fieldLabel, statusLabel } from './demand-labels';
export { keywordChain, keywordText, matchesUrl, matchLines, scorecardUrl, scorePercent } from './match-explanation';
