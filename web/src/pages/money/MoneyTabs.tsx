import { Link, useUrl } from '../../router.tsx';
import { useUser } from '../../session.tsx';
import './money.css';

/** The desk's billing pages share one nav entry; these tabs move between them. */
export function MoneyTabs() {
  const { can } = useUser();
  const { path } = useUrl();
  const tabs = [
    ...(can.postCharges
      ? [
          { to: '/billing', label: 'Charges to review', exact: true },
          { to: '/billing/claims', label: 'Claims', exact: false },
        ]
      : []),
    ...(can.billingReports ? [{ to: '/billing/reports', label: 'Reports', exact: false }] : []),
  ];
  return (
    <nav aria-label="Billing" className="money-tabs">
      {tabs.map((tab) => (
        <Link
          key={tab.to}
          to={tab.to}
          className="money-tab"
          aria-current={path === tab.to || (!tab.exact && path.startsWith(`${tab.to}/`)) ? 'page' : undefined}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}

/** Dollars typed at the desk ("25", "$25.00") as cents; anything else is sent as typed, so the server names it. */
export function centsOf(typed: string): number | string {
  const plain = typed.replace(/[$,\s]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(plain)) return typed.trim();
  return Math.round(Number(plain) * 100);
}
