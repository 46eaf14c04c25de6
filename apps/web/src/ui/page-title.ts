import { useEffect } from 'react';

const SERVICE = 'Social Work Health Check';

/** GOV.UK page titles: "<page> – <service>", prefixed with "Error: " while a form shows errors. */
export function usePageTitle(title: string | undefined, hasError = false) {
  useEffect(() => {
    // A page named after the service (e.g. the survey's own title) does not repeat it.
    const parts = title?.endsWith(SERVICE) ? title : [title, SERVICE].filter(Boolean).join(' – ');
    document.title = hasError ? `Error: ${parts}` : parts;
  }, [title, hasError]);
}
