import type { ReactNode } from 'react';
import { usePageTitle } from './page-title';
import { Panel } from './panel';

/**
 * A page that tells the reader one thing: its title is the h1 (or, for a confirmation, the green
 * panel's) and the document title; the children are the text below it.
 */
export function MessagePage({
  title,
  documentTitle = title,
  confirmation = false,
  children,
}: {
  title: string;
  /** The browser tab's title, where a shorter one than the heading reads better. */
  documentTitle?: string;
  /** A GOV.UK confirmation panel instead of a plain heading. */
  confirmation?: boolean;
  children: ReactNode;
}) {
  usePageTitle(documentTitle);
  return (
    <div className="app-two-thirds">
      {confirmation ? <Panel title={title} /> : <h1 className="app-heading-xl">{title}</h1>}
      {children}
    </div>
  );
}
