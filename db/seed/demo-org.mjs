// The demo org tree, its five demo accounts and the names members are made from (db/seed/demo.mjs).

export const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(
    '',
  );
export const GIVEN = [
  '建国',
  '志强',
  '秀英',
  '丽娟',
  '海燕',
  '伟',
  '芳',
  '敏',
  '静',
  '磊',
  '洋',
  '艳',
  '勇',
  '军',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀兰',
  '霞',
  '平',
  '刚',
  '桂英',
  '文博',
  '思远',
  '子涵',
  '雨轩',
  '浩然',
  '欣怡',
  '晓东',
  '红梅',
  '国庆',
  '卫东',
  '春华',
  '玉兰',
  '德华',
  '志明',
  '晓燕',
  '立新',
  '振华',
  '淑珍',
  '佳怡',
  '俊杰',
  '宏伟',
  '婷婷',
  '晨曦',
  '永刚',
  '凤英',
  '建华',
];

/** The org tree: root → 4 机关党委 → branches (one with a 党总支 in between). */
export const ORG = (() => {
  const units = [{ id: 'root', parentId: null, name: '市直机关工委', kind: 'committee' }];
  const committees = [
    ['fgw', '市发展和改革委员会机关党委', ['第一党支部', '第二党支部', '离退休干部党支部']],
    ['jyj', '市教育局机关党委', ['第一党支部', '第二党支部']],
    ['wjw', '市卫生健康委员会机关党委', ['机关第一党支部', '机关第二党支部']],
    ['czj', '市财政局机关党委', ['综合党支部', '业务党支部']],
  ];
  for (const [code, name, branches] of committees) {
    units.push({ id: code, parentId: 'root', name, kind: 'party_committee' });
    branches.forEach((b, i) => units.push({ id: `${code}-b${i + 1}`, parentId: code, name: b, kind: 'branch' }));
  }
  // A 党总支 with two branches of its own under the health commission.
  units.push({ id: 'wjw-zz', parentId: 'wjw', name: '市疾控中心党总支', kind: 'general_branch' });
  units.push({ id: 'wjw-zz-b1', parentId: 'wjw-zz', name: '疾控中心第一党支部', kind: 'branch' });
  units.push({ id: 'wjw-zz-b2', parentId: 'wjw-zz', name: '疾控中心第二党支部', kind: 'branch' });
  const byId = new Map(units.map((u) => [u.id, u]));
  for (const u of units) {
    const chain = [];
    for (let x = u; x; x = x.parentId ? byId.get(x.parentId) : null) chain.unshift(x.id);
    u.path = `/${chain.join('/')}/`;
    u.depth = chain.length - 1;
  }
  return units;
})();

export const DEMO_ACCOUNTS = [
  { id: 'user-admin', phone: '13800000000', name: '系统管理员', unit: 'root', role: 'admin' },
  { id: 'user-org-root', phone: '13800000001', name: '周建华', unit: 'root', role: 'organizer' },
  { id: 'user-org-fgw', phone: '13800000002', name: '李振华', unit: 'fgw', role: 'organizer' },
  { id: 'user-member-fgw', phone: '13800000003', name: '王晓燕', unit: 'fgw-b1', role: 'member' },
  { id: 'user-member-jyj', phone: '13800000004', name: '陈思远', unit: 'jyj-b1', role: 'member' },
];
