import { listServices } from '../../api/scheduling.ts';
import { ErrorView, Loading, NotFound } from '../../components/StatusViews.tsx';
import { usePageTitle, useResource } from '../../hooks.ts';
import { Link } from '../../router.tsx';
import { formatPrice } from '../../format.ts';
import { DISCIPLINE_OPTIONS } from './disciplines.ts';
import { ServiceForm } from './ServiceForm.tsx';
import { AdminTabs } from './AdminTabs.tsx';
import './admin.css';

const category = (d: string) => DISCIPLINE_OPTIONS.find((o) => o.value === d)?.label ?? d;

export function ServicesPage() {
  usePageTitle('Services');
  const [services] = useResource(() => listServices(), []);
  if (services.status === 'loading') return <Loading />;
  if (services.status === 'error') return <ErrorView error={services.error} missingIsUnavailable="Services" />;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Services</h1>
          <p className="lead">
            What can be booked: length, price, turnover buffer and the credentials a therapist needs.
          </p>
        </div>
        <Link to="/admin/services/new" className="button">
          New service
        </Link>
      </div>
      <AdminTabs />
      <div className="table-wrap">
        <table className="table table-stack">
          <caption className="visually-hidden">Services</caption>
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">Category</th>
              <th scope="col">Length</th>
              <th scope="col">Price</th>
              <th scope="col">Buffer after</th>
              <th scope="col">Requires</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {services.data.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  <Link to={`/admin/services/${s.id}`}>{s.name}</Link>{' '}
                  <span className="muted small-print">{s.code}</span>
                </th>
                <td>{category(s.discipline)}</td>
                <td>{s.durationMinutes} min</td>
                <td>
                  {s.priceCents === null ? (
                    <span className="muted">Not set</span>
                  ) : (
                    formatPrice(s.priceCents, s.currency)
                  )}
                </td>
                <td>{s.bufferAfterMinutes} min</td>
                <td>{s.requirements.length === 0 ? '—' : s.requirements.map((r) => r.types.join('/')).join(' + ')}</td>
                <td>
                  {s.active ? (
                    <span className="badge badge-success">Bookable</span>
                  ) : (
                    <span className="badge badge-neutral">Retired</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function ServiceEditPage({ id }: { id: string | null }) {
  const [services, setServices] = useResource(() => listServices(), [id]);
  const service = services.status === 'ok' && id ? (services.data.find((s) => s.id === id) ?? null) : null;
  usePageTitle(id ? (service?.name ?? 'Service') : 'New service');
  if (services.status === 'loading') return <Loading />;
  if (services.status === 'error') return <ErrorView error={services.error} what="service" />;
  if (id && !service) return <NotFound what="service" />;
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/admin/services">Services</Link> <span aria-hidden="true">›</span>{' '}
        <span>{service?.name ?? 'New service'}</span>
      </nav>
      <div className="page-head">
        <h1>{service ? service.name : 'New service'}</h1>
      </div>
      <ServiceForm
        key={id ?? 'new'}
        service={service}
        onSaved={(saved) =>
          services.status === 'ok' && setServices(services.data.map((s) => (s.id === saved.id ? saved : s)))
        }
      />
    </>
  );
}
