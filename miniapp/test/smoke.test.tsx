import { render, screen } from '@testing-library/react';
import Index from '../src/pages/index/index';

it('renders a page with the shared labels', () => {
  render(<Index />);
  expect(screen.getByText('人工智能')).toBeTruthy();
});
