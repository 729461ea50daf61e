import { Link, useUrl } from '../../router.tsx';
import { useUser } from '../../session.tsx';

/** The organisation-wide booking setup shares one nav entry; these tabs move between its pages. */
export function AdminTabs() {
  const user = useUser();
  const { path } = useUrl();
  const tabs = [
    ...(user.can.manageServices
      ? [
          { to: '/admin/services', label: 'Services' },
          { to: '/admin/booking-settings', label: 'Booking settings' },
        ]
      : []),
    ...(user.can.editPublicText ? [{ to: '/admin/about', label: 'Public pages' }] : []),
  ];
  return (
    <nav aria-label="Booking setup" className="ch-tabs adm-tabs">
      {tabs.map((tab) => (
        <Link
          key={tab.to}
          to={tab.to}
          className="ch-tab"
          aria-current={path === tab.to || path.startsWith(`${tab.to}/`) ? 'page' : undefined}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
