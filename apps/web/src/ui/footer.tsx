export function Footer() {
  return (
    <footer className="app-footer" role="contentinfo">
      <div className="app-width-container">
        <p className="app-footer__text">
          The Social Work Health Check is a free, standardised workforce survey for local
          authorities in England. Responses are anonymous: we do not store your name, your IP
          address or anything else that identifies you.
        </p>
      </div>
    </footer>
  );
}
