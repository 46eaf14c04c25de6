import { usePageTitle } from './page-title';

/** What a page shows while its data is on the way (announced politely). */
export function Loading({ text = 'Loading…', title }: { text?: string; title?: string }) {
  usePageTitle(title);
  return (
    <p className="app-body" role="status">
      {text}
    </p>
  );
}
