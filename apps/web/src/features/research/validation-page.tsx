import {
  validationDocument,
  validationPdfFilename,
  type ValidationBlock,
  type ValidationSubsection,
} from '@swhc/report-view';
import { type LoaderFunctionArgs, useLoaderData } from 'react-router';
import { loadValidationReport, validationPdfUrl } from '../../api';
import { notFound, requireStaff, valueOf } from '../../app/page-data';
import { usePageTitle } from '../../ui';
import './research.css';
import { StatisticsTable } from './statistics-table';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const key = params['key'] ?? '';
  const version = params['version'] ?? '';
  if (!/^[a-z0-9-]{1,64}$/.test(key) || !/^[1-9][0-9]{0,3}$/.test(version)) throw notFound();
  await requireStaff(request, ['researcher', 'admin']);
  return valueOf(await loadValidationReport(key, Number(version), request.signal), request);
}

function Block({ block }: { block: ValidationBlock }) {
  switch (block.kind) {
    case 'paragraph':
      return <p className="app-body">{block.text}</p>;
    case 'warnings':
      return (
        <div className="app-inset-text">
          <p className="app-body">{block.title}</p>
          <ul className="app-list">
            {block.items.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      );
    case 'table':
      return (
        <StatisticsTable
          caption={block.table.caption}
          head={block.table.head}
          rows={block.table.rows.map((cells) => ({ key: cells[0] ?? '', cells }))}
        />
      );
  }
}

function Subsection({ section }: { section: ValidationSubsection }) {
  return (
    <section aria-labelledby={section.id}>
      <h3 className="app-heading-m" id={section.id}>
        {section.heading}
      </h3>
      {section.blocks.map((block, i) => (
        <Block key={i} block={block} />
      ))}
    </section>
  );
}

/** The instrument version's validation report: whether its scores may be trusted and compared. */
export function ValidationPage() {
  const report = useLoaderData<typeof loader>();
  const document = validationDocument(report);
  usePageTitle(document.title);
  const { key, version } = report.instrument;
  return (
    <>
      <h1 className="app-heading-xl">{document.title}</h1>
      <p className="app-body-l">{document.lead}</p>
      <p className="app-body">
        <a
          className="app-link"
          href={validationPdfUrl(key, version)}
          download={validationPdfFilename(report)}
        >
          Download the validation report (PDF)
        </a>
      </p>
      {document.parts.map((part) => (
        <div key={part.heading}>
          <h2 className="app-heading-l">{part.heading}</h2>
          {part.intro.map((text) => (
            <p className="app-body" key={text}>
              {text}
            </p>
          ))}
          {part.subsections.map((section) => (
            <Subsection key={section.id} section={section} />
          ))}
        </div>
      ))}
    </>
  );
}

export const route = { loader, Component: ValidationPage };
