import { useState } from 'react';
import { addRoom, updateRoom } from '../../api/admin-scheduling.ts';
import type { Location } from '../../api/types.ts';
import { Checkbox, TextField } from '../../components/Form.tsx';
import { Outcome, useSubmit } from './useSubmit.tsx';
import { TEXT_LIMITS as LIMIT } from '../../../../src/words/limits.ts';

type Room = Location['rooms'][number];

function RoomRow({ room, onSaved }: { room: Room; onSaved: (room: Room) => void }) {
  const [name, setName] = useState(room.name);
  const [active, setActive] = useState(room.active);
  const { errors, outcome, busy, run } = useSubmit();
  const save = async () => {
    const saved = await run(() => updateRoom(room.id, { name, active }), `${name} saved.`);
    if (saved) onSaved({ id: saved.id, name: saved.name, active: saved.active });
  };
  return (
    <li className="adm-room">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        noValidate
        className="adm-row"
      >
        <TextField
          name={`rooms.${room.id}.name`}
          maxLength={LIMIT.roomName}
          label={`Name of ${room.name}`}
          width="medium"
          value={name}
          onValue={setName}
          error={errors.name}
        />
        <Checkbox
          name={`rooms.${room.id}.active`}
          label={`${room.name} in use`}
          checked={active}
          onChecked={setActive}
        />
        <button type="submit" className="button button-secondary adm-inline-button" disabled={busy}>
          Save<span className="visually-hidden"> {room.name}</span>
        </button>
      </form>
      <Outcome outcome={outcome} />
    </li>
  );
}

export function RoomsEditor({ locationId, initial }: { locationId: string; initial: Room[] }) {
  const [rooms, setRooms] = useState(initial);
  const [name, setName] = useState('');
  const { errors, outcome, busy, create } = useSubmit();
  const add = async () => {
    const room = await create(name, (body, key) => addRoom(locationId, body, key), `${name} added.`);
    if (room) {
      setRooms((list) => [...list, { id: room.id, name: room.name, active: room.active }]);
      setName('');
    }
  };
  return (
    <>
      <ul className="plain-list">
        {rooms.map((room) => (
          <RoomRow
            key={room.id}
            room={room}
            onSaved={(saved) => setRooms((list) => list.map((r) => (r.id === saved.id ? saved : r)))}
          />
        ))}
      </ul>
      <form
        className="adm-form adm-subform"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
        noValidate
      >
        <h3>Add a room</h3>
        <TextField
          name="room-name"
          maxLength={LIMIT.roomName}
          label="New room name"
          width="medium"
          value={name}
          onValue={setName}
          error={errors.name}
        />
        <button type="submit" className="button" disabled={busy}>
          Add room
        </button>
        <Outcome outcome={outcome} />
      </form>
    </>
  );
}
