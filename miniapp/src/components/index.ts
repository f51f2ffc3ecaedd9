export { DemandCard, type DemandCardProps } from './demand-card';
export { EmptyState, type EmptyStateProps } from './empty-state';
export { ErrorState, type ErrorStateProps } from './error-state';
export { FilterChips, type ChipOption, type FilterChipsProps } from './filter-chips';
export { ListFooter, type ListFooterProps } from './list-footer';
export { SearchBar, type SearchBarProps } from './search-bar';
export { SkeletonList } from './skeleton-list';
export { Tag, type TagTone } from './tag';
