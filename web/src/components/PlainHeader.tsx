/** The skip link and brand bar of the pages shown without an account: sign-in and message links. */
export function PlainHeader() {
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to main content
      </a>
      <header className="site-header">
        <div className="header-bar">
          <span className="brand">
            <span className="brand-mark" aria-hidden="true">
              K
            </span>
            <span className="brand-name">Knotwork</span>
          </span>
        </div>
      </header>
    </>
  );
}
