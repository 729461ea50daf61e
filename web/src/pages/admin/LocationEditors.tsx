import type { LocationDetail } from '../../api/types.ts';
import { ClosuresEditor } from './ClosuresEditor.tsx';
import { HoursEditor } from './HoursEditor.tsx';
import { RoomsEditor } from './RoomsEditor.tsx';
import './admin.css';

/** The editable hours, closures and rooms of one site, for its managers and admins. */
export function LocationEditors({ location }: { location: LocationDetail }) {
  return (
    <>
      <section className="card adm-card" aria-labelledby="closures-heading">
        <h2 id="closures-heading">Closures</h2>
        <ClosuresEditor locationId={location.id} siteName={location.name} initial={location.closures ?? []} />
      </section>
      <section className="card adm-card" aria-labelledby="rooms-heading">
        <h2 id="rooms-heading">Rooms</h2>
        <RoomsEditor locationId={location.id} initial={location.rooms} />
      </section>
      <section className="card adm-card adm-card-wide" aria-labelledby="hours-heading">
        <h2 id="hours-heading">Opening hours</h2>
        <HoursEditor location={location} />
      </section>
    </>
  );
}
