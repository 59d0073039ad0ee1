import { describe, expect, it } from 'vitest';
import { aliyunSendSmsRequest, canonicalQuery, percentEncode, signRpc, stringToSign } from '../../workers/api/lib/sms/aliyun';
import { tc3Sign, tencentSendSmsRequest } from '../../workers/api/lib/sms/tencent';
import { devOutboxEnabled, senderFor } from '../../workers/api/lib/sms';
import { randomCode } from '../../workers/api/lib/verification';

/*
 * The signers against the providers' own worked examples (published values, not ours):
 * - Alibaba Cloud "Request syntax and signature method V2 for RPC APIs" / each product's
 *   "Signature mechanism" page (签名机制): DescribeRegions with AccessKeyId testid and
 *   secret testsecret (signed with "testsecret&") → OLeaidS1JvxuMvnyHOwuJ+uX5qY=.
 * - Tencent Cloud API 3.0 "Signature v3" (签名方法 v3, e.g.
 *   https://intl.cloud.tencent.com/document/api/1021/34193): CVM DescribeInstances at
 *   1551113065 with SecretKey Gu5t9xGARNpq86cd98joQYCN3EXAMPLE, hashed payload 35e9c5b0…,
 *   hashed canonical request 5ffe6a04…, signature 72e494ea…5168.
 * No request ever leaves the test: the requests are built, never sent.
 */

describe('Aliyun RPC signature (HMAC-SHA1)', () => {
  const doc = {
    Timestamp: '2016-02-23T12:46:24Z',
    Format: 'XML',
    AccessKeyId: 'testid',
    Action: 'DescribeRegions',
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
    Version: '2014-05-26',
    SignatureVersion: '1.0',
  };

  it('builds the documented string to sign', () => {
    expect(stringToSign('GET', doc)).toBe(
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1' +
        '%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0' +
        '%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26',
    );
  });

  it('computes the documented signature', async () => {
    expect(await signRpc('GET', doc, 'testsecret')).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
  });

  it('percent-encodes as Aliyun specifies (space %20, * %2A, ~ kept, UTF-8)', () => {
    expect(percentEncode("a b*c~d!'()")).toBe('a%20b%2Ac~d%21%27%28%29');
    expect(percentEncode('同心')).toBe('%E5%90%8C%E5%BF%83');
  });

  it('builds a signed SendSms request with the code as the template parameter', async () => {
    const config = { accessKeyId: 'testid', accessKeySecret: 'testsecret', signName: '同心', templateCode: 'SMS_123' };
    const req = await aliyunSendSmsRequest(
      config,
      { phone: '13800000000', purpose: 'register', code: '042917' },
      { timestamp: '2026-12-03T10:00:00Z', nonce: 'n-1' },
    );
    expect(req.url).toBe('https://dysmsapi.aliyuncs.com/');
    expect(req.method).toBe('POST');
    const form = new URLSearchParams(req.body);
    expect(Object.fromEntries(form)).toMatchObject({
      Action: 'SendSms',
      Version: '2017-05-25',
      PhoneNumbers: '13800000000',
      SignName: '同心',
      TemplateCode: 'SMS_123',
      TemplateParam: '{"code":"042917"}',
      AccessKeyId: 'testid',
      SignatureMethod: 'HMAC-SHA1',
      SignatureVersion: '1.0',
      SignatureNonce: 'n-1',
      Timestamp: '2026-12-03T10:00:00Z',
    });
    // the signature in the body is the POST signature of every other parameter
    const params = Object.fromEntries([...form].filter(([k]) => k !== 'Signature'));
    expect(form.get('Signature')).toBe(await signRpc('POST', params, 'testsecret'));
    expect(req.body.startsWith(`Signature=${percentEncode(form.get('Signature')!)}&${canonicalQuery(params)}`)).toBe(true);
  });
});

describe('Tencent Cloud TC3-HMAC-SHA256', () => {
  const payload = String.raw`{"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], "Name": "instance-name"}]}`;
  const doc = {
    secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
    secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
    service: 'cvm',
    host: 'cvm.tencentcloudapi.com',
    timestamp: 1551113065,
    payload,
  };

  it('builds the documented canonical request, string to sign, signature and Authorization', async () => {
    const s = await tc3Sign(doc);
    expect(s.canonicalRequest).toBe(
      'POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n' +
        '35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
    );
    expect(s.stringToSign).toBe('TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031');
    expect(s.signature).toBe('72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168');
    expect(s.authorization).toBe(
      'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
    );
  });

  it('builds a signed SendSms request (2021-01-11) with the UTC date of the timestamp', async () => {
    const config = { secretId: 'AKIDtest', secretKey: 'secret', sdkAppId: '1400000000', signName: '同心', templateId: '100001' };
    // 2026-12-03 23:30 UTC is already the 4th in China: the scope must use the UTC date
    const ts = Date.UTC(2026, 11, 3, 23, 30) / 1000;
    const req = await tencentSendSmsRequest(config, { phone: '13800000000', purpose: 'reset', code: '123456' }, ts);
    expect(req.url).toBe('https://sms.tencentcloudapi.com/');
    expect(JSON.parse(req.body)).toEqual({
      PhoneNumberSet: ['+8613800000000'],
      SmsSdkAppId: '1400000000',
      SignName: '同心',
      TemplateId: '100001',
      TemplateParamSet: ['123456'],
    });
    expect(req.headers).toMatchObject({
      'x-tc-action': 'SendSms',
      'x-tc-version': '2021-01-11',
      'x-tc-region': 'ap-guangzhou',
      'x-tc-timestamp': String(ts),
      host: 'sms.tencentcloudapi.com',
    });
    const expected = await tc3Sign({
      secretId: 'AKIDtest',
      secretKey: 'secret',
      service: 'sms',
      host: 'sms.tencentcloudapi.com',
      timestamp: ts,
      payload: req.body,
    });
    expect(req.headers.authorization).toBe(expected.authorization);
    expect(req.headers.authorization).toContain('Credential=AKIDtest/2026-12-03/sms/tc3_request');
  });
});

describe('message-centre notices by text (消息中心)', () => {
  const notice = { phone: '13800000000', purpose: 'notice' as const, params: { title: '候补成功', body: '您候补的展览已预约成功。' } };
  it('fill the notice template of each provider with the title and body, apart from the reminder template', async () => {
    const ali = await aliyunSendSmsRequest(
      { accessKeyId: 'a', accessKeySecret: 's', signName: '同心', templateCode: 'SMS_1', reminderTemplateCode: 'SMS_2', noticeTemplateCode: 'SMS_3' },
      notice,
      { timestamp: '2026-12-03T10:00:00Z', nonce: 'n' },
    );
    const form = Object.fromEntries(new URLSearchParams(ali.body));
    expect(form).toMatchObject({ TemplateCode: 'SMS_3', TemplateParam: JSON.stringify(notice.params) });
    const tc = await tencentSendSmsRequest(
      { secretId: 'a', secretKey: 's', sdkAppId: '1', signName: '同心', templateId: '1', reminderTemplateId: '2', noticeTemplateId: '3' },
      notice,
      1_700_000_000,
    );
    expect(JSON.parse(tc.body)).toMatchObject({ TemplateId: '3', TemplateParamSet: ['候补成功', '您候补的展览已预约成功。'] });
  });
});

describe('sender choice and codes', () => {
  const base = { DB: undefined } as unknown as Env;
  const db = {} as Parameters<typeof senderFor>[1];
  it('chooses the sender by SMS_PROVIDER, log by default; incomplete keys fail at send', async () => {
    expect(senderFor(base, db).name).toBe('log');
    expect(
      senderFor(
        { ...base, SMS_PROVIDER: 'aliyun', ALIYUN_ACCESS_KEY_ID: 'a', ALIYUN_ACCESS_KEY_SECRET: 'b', ALIYUN_SMS_SIGN_NAME: 'c', ALIYUN_SMS_TEMPLATE_CODE: 'd' },
        db,
      ).name,
    ).toBe('aliyun');
    expect(
      senderFor(
        {
          ...base,
          SMS_PROVIDER: 'tencent',
          TENCENT_SECRET_ID: 'a',
          TENCENT_SECRET_KEY: 'b',
          TENCENT_SMS_SDK_APP_ID: 'c',
          TENCENT_SMS_SIGN_NAME: 'd',
          TENCENT_SMS_TEMPLATE_ID: 'e',
        },
        db,
      ).name,
    ).toBe('tencent');
    await expect(
      senderFor({ ...base, SMS_PROVIDER: 'tencent', TENCENT_SECRET_ID: 'a' }, db).send({ phone: '13800000000', purpose: 'register', code: '123456' }),
    ).rejects.toThrow(/TENCENT_SECRET_KEY/);
    await expect(
      senderFor({ ...base, SMS_PROVIDER: 'carrier-pigeon' }, db).send({ phone: '13800000000', purpose: 'register', code: '123456' }),
    ).rejects.toThrow();
  });

  it('opens the dev outbox only for DEV_OUTBOX=1', () => {
    expect(devOutboxEnabled({ DEV_OUTBOX: '1' })).toBe(true);
    for (const v of [undefined, '', '0', 'true', 'yes']) expect(devOutboxEnabled({ DEV_OUTBOX: v })).toBe(false);
  });

  it('draws six-digit codes, leading zeros included', () => {
    const codes = Array.from({ length: 2000 }, randomCode);
    expect(codes.every((c) => /^\d{6}$/.test(c))).toBe(true);
    expect(new Set(codes).size).toBeGreaterThan(1990);
    expect(codes.some((c) => c.startsWith('0'))).toBe(true);
  });
});
