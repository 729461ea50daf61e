import type { CSSProperties, DragEvent } from 'react';
import type { Appointment } from '../../api/scheduling.ts';
import { isWithin, SLOT_MINUTES, type Column, type DayModel, type Placed } from './dayModel.ts';
import { STATUS_LABEL } from './status.ts';
import { clockLabel, todayAt, wallClock } from './time.ts';
import './affected.css';

/** Pixel height of one 15-minute row; a 30-minute visit is two rows, tall enough to click. */
const ROW_PX = 22;

export interface DayGridProps {
  model: DayModel;
  siteName: string;
  patientName: (patientId: string) => string;
  serviceName: (code: string) => string;
  roomName: (roomId: string | null) => string | null;
  selectedId: string | null;
  /** An appointment being moved: free cells become targets. */
  moving: Appointment | null;
  /** The cell a booking or a move is aimed at, highlighted. */
  target: { therapistId: string; date: string; minutes: number } | null;
  onCell: (therapistId: string, minutes: number) => void;
  onOpen: (appointment: Appointment) => void;
  onDropMove: (appointmentId: string, therapistId: string, minutes: number) => void;
}

export function DayGrid(props: DayGridProps) {
  const { model } = props;
  const rows = (model.end - model.start) / SLOT_MINUTES;
  const hours: number[] = [];
  for (let m = model.start; m < model.end; m += 60) hours.push(m);
  const style = { '--sch-rows': rows, '--sch-row': `${ROW_PX}px`, '--sch-cols': model.columns.length } as CSSProperties;
  return (
    <div className={`sch-day${props.moving ? ' is-moving' : ''}`} style={style}>
      <div
        className="sch-day-scroll"
        tabIndex={0}
        role="region"
        data-own-arrows=""
        aria-label={`Day calendar, ${props.siteName}: scroll sideways for more therapists`}
      >
        <div className="sch-day-grid">
          <div className="sch-corner" aria-hidden="true" />
          {model.columns.map((column) => (
            <ColumnHead key={column.therapist.id} column={column} />
          ))}
          <div className="sch-times" aria-hidden="true">
            {hours.map((m) => (
              <div key={m} className="sch-time" style={{ top: ((m - model.start) / SLOT_MINUTES) * ROW_PX }}>
                {clockLabel(m)}
              </div>
            ))}
          </div>
          {model.columns.map((column) => (
            <TherapistColumn key={column.therapist.id} column={column} {...props} />
          ))}
        </div>
      </div>
    </div>
  );
}

function ColumnHead({ column }: { column: Column }) {
  const shift = column.shifts.map((s) => `${clockLabel(s.from)}–${clockLabel(s.to)}`).join(', ');
  return (
    <div className="sch-col-head">
      <h3 className="sch-col-name">{column.therapist.name}</h3>
      <p className="sch-col-shift">{shift || 'Not scheduled here'}</p>
    </div>
  );
}

function TherapistColumn({ column, model, ...props }: DayGridProps & { column: Column }) {
  const cells: number[] = [];
  for (let m = model.start; m < model.end; m += SLOT_MINUTES) cells.push(m);
  const now = Date.now();
  const nowLine = todayAt(model.timeZone, now) === model.date ? wallClock(now, model.timeZone).minutes : null;
  const drop = (minutes: number) => (event: DragEvent) => {
    const id = event.dataTransfer.getData('text/x-knotwork-appointment');
    if (!id) return;
    event.preventDefault();
    props.onDropMove(id, column.therapist.id, minutes);
  };
  return (
    <div className="sch-col" aria-label={`${column.therapist.name}'s appointments`} role="group">
      {/* Free time is a mouse shortcut; the keyboard books through the "Book an appointment" button. */}
      {cells.map((m) => {
        const working = isWithin(column.shifts, m, m + SLOT_MINUTES);
        const open = isWithin(model.open, m, m + SLOT_MINUTES);
        const aimed =
          props.target?.therapistId === column.therapist.id &&
          props.target.date === model.date &&
          props.target.minutes === m;
        return (
          <div
            key={m}
            className={
              `sch-cell${m % 60 === 0 ? ' is-hour' : ''}` +
              `${working ? ' is-working' : open ? '' : ' is-closed'}${aimed ? ' is-target' : ''}`
            }
            data-minutes={m}
            title={`${clockLabel(m)} · ${column.therapist.name}`}
            onClick={() => props.onCell(column.therapist.id, m)}
            onDragOver={(event) => event.preventDefault()}
            onDrop={drop(m)}
          />
        );
      })}
      {nowLine !== null && nowLine >= model.start && nowLine < model.end ? (
        <div
          className="sch-now"
          style={{ top: ((nowLine - model.start) / SLOT_MINUTES) * ROW_PX }}
          aria-hidden="true"
        />
      ) : null}
      {column.placed.map((placed) => (
        <AppointmentBlock key={placed.appointment.id} placed={placed} model={model} {...props} />
      ))}
    </div>
  );
}

function AppointmentBlock({
  placed,
  model,
  ...props
}: Omit<DayGridProps, 'model'> & { placed: Placed; model: DayModel }) {
  const { appointment } = placed;
  const name = props.patientName(appointment.patientId);
  const room = props.roomName(appointment.roomId);
  const service = props.serviceName(appointment.serviceCode);
  const top = ((placed.from - model.start) / SLOT_MINUTES) * ROW_PX;
  // A booked visit the schedule no longer allows says so in words, not only in colour.
  const needsTime = appointment.status === 'booked' && Boolean(appointment.conflict);
  const height = ((placed.to - placed.from) / SLOT_MINUTES) * ROW_PX - 2;
  return (
    <button
      type="button"
      className={
        `sch-appt sch-status-${appointment.status}${needsTime ? ' has-conflict' : ''}` +
        `${props.selectedId === appointment.id ? ' is-selected' : ''}`
      }
      style={{ top, height }}
      aria-pressed={props.selectedId === appointment.id}
      draggable={appointment.can.move}
      onDragStart={(event) => {
        event.dataTransfer.setData('text/x-knotwork-appointment', appointment.id);
        event.dataTransfer.effectAllowed = 'move';
      }}
      onClick={() => props.onOpen(appointment)}
    >
      {/* The visible words are the button's name; the end time and status are added for screen readers. */}
      <span className="sch-appt-line">
        <strong>{clockLabel(placed.from)}</strong> {name}
      </span>
      <span className="sch-appt-line sch-appt-meta">
        {service}
        {room ? ` · ${room}` : ''}
      </span>
      {appointment.status !== 'booked' ? (
        <span className="sch-appt-line sch-appt-meta">{STATUS_LABEL[appointment.status]}</span>
      ) : null}
      {needsTime ? (
        <span className="sch-appt-line sch-appt-conflict">
          <span aria-hidden="true">⚠ </span>Needs a new time
        </span>
      ) : null}
      <span className="visually-hidden">
        , until {clockLabel(placed.to)}
        {appointment.status === 'booked' ? ', booked' : ''}
      </span>
    </button>
  );
}
