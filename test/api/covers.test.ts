import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { client, fixture, inOneDay, PHONES, signedIn } from '../helpers';
import { metadataBlocks } from '../../shared/image-strip';

const form = (bytes: Uint8Array, name = 'cover.jpg') => {
  const f = new FormData();
  f.set('image', new File([bytes], name));
  return f;
};

// Campaign covers (issue #19 part 3): organizers upload one; checked by bytes, stripped, served via /media.
describe('campaign covers', () => {
  it('an organizer uploads a cover: checked by its bytes, metadata removed, on the campaign and served; replaced and removed', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = (await org.post('/api/v1/campaigns', { kind: 'exhibition', title: '封面测试', orgUnitId: 'root', ...inOneDay(), settings: { venue: '文化馆' } }))
      .body.campaign.id as string;
    expect((await org.get(`/api/v1/campaigns/${id}`)).body.campaign.coverUrl).toBeNull();

    // not an image by its bytes (whatever its name), empty, or no file at all: refused, nothing changes
    const fake = await org.call('PUT', `/api/v1/campaigns/${id}/cover`, form(fixture('fake.jpg')));
    expect(fake.status, fake.text).toBe(415);
    expect((await org.call('PUT', `/api/v1/campaigns/${id}/cover`, form(new Uint8Array()))).status).toBe(400);
    expect((await org.call('PUT', `/api/v1/campaigns/${id}/cover`, new FormData())).status).toBe(400);
    expect((await org.get(`/api/v1/campaigns/${id}`)).body.campaign.coverUrl).toBeNull();

    const up = await org.call('PUT', `/api/v1/campaigns/${id}/cover`, form(fixture('gps-rotated.jpg')));
    expect(up.status, up.text).toBe(200);
    const url = up.body.coverUrl as string;
    expect(url).toMatch(new RegExp(`^/media/covers/${id}/`));
    expect((await org.get(`/api/v1/campaigns/${id}`)).body.campaign.coverUrl).toBe(url);
    // a draft's cover: its organizers only
    expect((await client().get(url)).status).toBe(404);
    const mine = await org.get(url);
    expect(mine.status, mine.text.slice(0, 200)).toBe(200);
    expect(mine.headers.get('content-type')).toBe('image/jpeg');
    expect(metadataBlocks(mine.bytes).filter((b) => b.includes('GPS') || b.includes('XMP'))).toEqual([]);
    expect(new TextDecoder('latin1').decode(mine.bytes)).not.toContain('GPSLatitude');
    await org.post(`/api/v1/campaigns/${id}/publish`);
    const pub = await client().get(url);
    expect(pub.status).toBe(200);
    expect(pub.headers.get('cache-control')).toContain('immutable');
    const audit = await env.DB.prepare("SELECT COUNT(*) n FROM audit_log WHERE entity_id = ? AND action = 'campaign.cover'").bind(id).first<{ n: number }>();
    expect(audit!.n).toBe(1);

    // replaced: a new address, the old one gone (and its object deleted)
    const again = await org.call('PUT', `/api/v1/campaigns/${id}/cover`, form(fixture('meta.png'), 'x.png'));
    expect(again.body.coverUrl).not.toBe(url);
    expect((await client().get(url)).status).toBe(404);
    expect((await env.MEDIA.list({ prefix: `covers/${id}/` })).objects).toHaveLength(1);
    const removed = await org.call('DELETE', `/api/v1/campaigns/${id}/cover`);
    expect(removed.body).toEqual({ coverUrl: null });
    expect((await env.MEDIA.list({ prefix: `covers/${id}/` })).objects).toHaveLength(0);
    expect((await org.get(`/api/v1/campaigns/${id}`)).body.campaign.coverUrl).toBeNull();
  });

  it('only organizers of the campaign may set it', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = (await org.post('/api/v1/campaigns', { kind: 'exhibition', title: '封面权限', orgUnitId: 'root', ...inOneDay(), settings: { venue: '文化馆' } }))
      .body.campaign.id as string;
    await org.post(`/api/v1/campaigns/${id}/publish`);
    expect((await client().call('PUT', `/api/v1/campaigns/${id}/cover`, form(fixture('photo.jpg')))).status).toBe(401);
    expect((await (await signedIn(PHONES.fgwMember)).call('PUT', `/api/v1/campaigns/${id}/cover`, form(fixture('photo.jpg')))).status).toBe(403);
    // an organizer of a unit below the campaign's may not either
    expect((await (await signedIn(PHONES.fgwOrganizer)).call('PUT', `/api/v1/campaigns/${id}/cover`, form(fixture('photo.jpg')))).status).toBe(403);
    expect((await (await signedIn(PHONES.fgwOrganizer)).call('DELETE', `/api/v1/campaigns/${id}/cover`)).status).toBe(403);
  });
});
