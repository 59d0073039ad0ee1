// Demo data of the exhibition (db/seed/demo.mjs). `rand` is demo.mjs's seeded generator (called
// in the same order as before, so the demo stays the same); check-ins add their visit to `events`.

/** The SQL statements of the exhibition's slots and bookings, one per string. */
export function exhibitionStatements({ now, day, iso, created, members, rand, events, row, chunks, placed }) {
  const out = [];
  // The exhibition: daily slots (Tuesday to Sunday, four a day, 50 seats) from a week ago
  // to two months ahead; past slots have check-ins and no-shows, coming ones bookings.
  const slotRows = [];
  const bookingRows = [];
  const dayStart = Date.parse(new Date(now + 8 * 3600e3).toISOString().slice(0, 10) + 'T00:00:00+08:00');
  const A = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  let k = 0;
  for (let d = -7; d <= 60; d++) {
    const date = dayStart + d * day;
    const weekday = new Date(date + 8 * 3600e3).getUTCDay(); // 0 = Sunday, 1 = Monday
    if (weekday === 1) continue; // 周一闭馆
    [9, 11, 13, 15].forEach((h, j) => {
      const id = `slot-${d + 7}-${j}`;
      const startsAt = date + h * 3600e3;
      const slotBookings = d < 0 ? 3 + ((d + j) % 3) : d <= 6 && j < 2 ? 2 : 0;
      let seats = 0;
      for (let b = 0; b < slotBookings; b++) {
        const u = members[(k * 7) % members.length];
        k++;
        const party = 1 + (k % 3);
        seats += party;
        const state = d < 0 ? (k % 5 === 0 ? 'no_show' : 'checked_in') : 'booked';
        const code = Array.from({ length: 12 }, () => A[Math.floor(rand() * A.length)]).join('');
        bookingRows.push(
          row(
            `booking-${k}`,
            code,
            'camp-exhibition',
            id,
            u.id,
            u.name,
            u.phone,
            party,
            iso(startsAt + 8 * 3600e3).slice(0, 10),
            0,
            u.unit,
            state,
            iso(startsAt - 3 * day),
            null,
            state === 'checked_in' ? iso(startsAt + 20 * 60e3) : null,
            state === 'checked_in' ? 'user-org-root' : null,
          ),
        );
        if (state === 'checked_in')
          events.push(
            row(`ev-visit-${k}`, ...placed(u), 'camp-exhibition', 'exhibition', 'exhibition_visit', 0, party, iso(startsAt + 20 * 60e3), `booking-${k}`),
          );
      }
      slotRows.push(row(id, 'camp-exhibition', iso(startsAt), iso(startsAt + 2 * 3600e3), 50, seats, 0, created));
    });
  }
  for (const part of chunks(slotRows, 60))
    out.push('INSERT OR IGNORE INTO exhibition_slots (id, campaign_id, starts_at, ends_at, capacity, booked, closed, created_at) VALUES\n' + part.join(',\n'));
  for (const part of chunks(bookingRows, 60))
    out.push(
      'INSERT OR IGNORE INTO bookings (id, code, campaign_id, slot_id, user_id, name, phone, party_size, day, is_group, org_unit_id, status, created_at, cancelled_at, checked_in_at, checked_in_by) VALUES\n' +
        part.join(',\n'),
    );
  return out;
}
