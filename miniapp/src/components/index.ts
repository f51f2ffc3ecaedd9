// The shared pieces most pages use. Importing this barrel brings all of them into a page, stylesheets included (a CSS
// import is a side effect, so nothing is shaken out). Pieces only some pages need are imported by their own path, so
// that a page carries only what it shows and the main package nothing that only a subpackage uses: form-fields (with
// form.css and field-label), char-counter, expandable-text (揭榜 only).
export { DemandCard, type DemandCardProps } from './demand-card';
export { EmptyState, type EmptyStateProps } from './empty-state';
export { ErrorState, type ErrorStateProps } from './error-state';
export { ChipChoices, FilterChips, type ChipChoicesProps, type ChipOption, type FilterChipsProps } from './filter-chips';
export { ListFooter, type ListFooterProps } from './list-footer';
export { SearchBar, type SearchBarProps } from './search-bar';
export { SkeletonList } from './skeleton-list';
export { Tag, type TagTone } from './tag';
