// 审核进度: the office's view of a campaign (GET /api/admin/progress, /progress/daily, /workload), in the staff
// member's session; the lists are CSV downloads of /api/admin/*.csv
const STATUSES = [
  ['NOT_SUBMITTED', '未提交', '#9e9e9e'],
  ['SUBMITTED_LOCKED', '已提交待审', '#42a5f5'],
  ['RETURNED', '已退回', '#ffa726'],
  ['SITE_PASSED', '初审通过', '#66bb6a'],
  ['FINAL_PASSED', '终审通过', '#2e7d32'],
  ['NOT_QUALIFIED', '不通过', '#e53935'],
  ['EXPIRED', '逾期未提交', '#795548'],
  ['CANCELLED', '已取消', '#bdbdbd'],
  ['OFFLINE', '线下审核', '#7e57c2'],
];
const STAGES = { siteReview: '考点初审', offlineReview: '线下审核', regionReview: '考区终审' };
const charts = {};

function params() {
  const query = new URLSearchParams(location.search);
  return {
    region: query.get('region') || document.getElementById('region').value,
    year: query.get('year') || document.getElementById('year').value,
  };
}

function csvLink(kind, p, extra) {
  const query = new URLSearchParams({ region: p.region, year: p.year, ...extra });
  return '../api/admin/' + kind + '.csv?' + query;
}

function time(value) {
  return value ? new Date(value).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '—';
}

async function getJson(path) {
  const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (response.status === 401) {
    throw new Error('LOGIN');
  }
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    const error = new Error(body.message || ('查询失败（HTTP ' + response.status + '）'));
    error.status = response.status;
    throw error;
  }
  return response.json();
}

function cell(row, text, className) {
  const td = row.insertCell();
  td.textContent = text;
  if (className) {
    td.className = className;
  }
  return td;
}

function link(parent, text, href) {
  const a = document.createElement('a');
  a.textContent = text;
  a.href = href;
  parent.append(a);
  return a;
}

function showTotals(progress, p) {
  const totals = document.getElementById('totals');
  totals.replaceChildren();
  const all = Object.values(progress.totals).reduce((a, b) => a + b, 0);
  const card = (label, n, href) => {
    const div = document.createElement('div');
    div.className = 'card';
    const a = document.createElement('a');
    a.href = href;
    a.title = '下载名单';
    const number = document.createElement('div');
    number.className = 'n';
    number.textContent = n;
    const text = document.createElement('div');
    text.className = 'label';
    text.textContent = label;
    a.append(number, text);
    div.append(a);
    totals.append(div);
  };
  card('考生总数', all, csvLink('cases', p, {}));
  for (const [status, label] of STATUSES) {
    card(label, progress.totals[status] || 0, csvLink('cases', p, { status }));
  }
}

function showSitesChart(progress, p) {
  const names = progress.sites.map(s => s.name + '（' + s.site + '）');
  charts.sites.setOption({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 140, right: 30, top: 40, bottom: 30 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: names, inverse: true },
    series: STATUSES.map(([status, label, color]) => ({
      name: label, type: 'bar', stack: 'cases', itemStyle: { color }, emphasis: { focus: 'series' },
      data: progress.sites.map(s => s.counts[status] || 0), status,
    })),
  }, true);
  charts.sites.off('click');
  charts.sites.on('click', event => {
    const site = progress.sites[event.dataIndex];
    const status = STATUSES[event.seriesIndex][0];
    location.href = csvLink('cases', p, { site: site.site, status });
  });
  const height = Math.max(260, 80 + progress.sites.length * 34);
  document.getElementById('sitesChart').style.height = height + 'px';
  charts.sites.resize();
}

function showDaily(daily) {
  charts.daily.setOption({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 50, right: 30, top: 40, bottom: 60 },
    dataZoom: [{ type: 'slider', bottom: 10 }],
    xAxis: { type: 'category', data: daily.days },
    yAxis: { type: 'value', name: '件', minInterval: 1 },
    series: [
      { name: '提交', type: 'bar', stack: 'in', data: daily.submitted, itemStyle: { color: '#42a5f5' } },
      { name: '补传提交', type: 'bar', stack: 'in', data: daily.resubmitted, itemStyle: { color: '#90caf9' } },
      { name: '审核通过', type: 'line', data: daily.passed, itemStyle: { color: '#2e7d32' } },
      { name: '退回', type: 'line', data: daily.returned, itemStyle: { color: '#ffa726' } },
      { name: '不通过', type: 'line', data: daily.notQualified, itemStyle: { color: '#e53935' } },
    ],
  }, true);
}

function showSitesTable(progress, p) {
  const body = document.querySelector('#sitesTable tbody');
  body.replaceChildren();
  for (const site of progress.sites) {
    const row = body.insertRow();
    row.dataset.site = site.site;
    cell(row, site.name + '（' + site.site + '）');
    cell(row, Object.values(site.counts).reduce((a, b) => a + b, 0), 'num');
    cell(row, site.openReviewTasks, 'num');
    cell(row, time(site.oldestWaitingSince));
    cell(row, site.returnedAwaiting, 'num');
    cell(row, site.overdueReturns, site.overdueReturns ? 'num overdue' : 'num');
    const lists = row.insertCell();
    link(lists, '全部', csvLink('cases', p, { site: site.site }));
    lists.append(' · ');
    link(lists, '退回待补传', csvLink('returned', p, { site: site.site }));
    lists.append(' · ');
    link(lists, '序列号', csvLink('serial-numbers', p, { site: site.site }));
  }
  document.getElementById('allCases').href = csvLink('cases', p, {});
  document.getElementById('allReturned').href = csvLink('returned', p, {});
  document.getElementById('allSerials').href = csvLink('serial-numbers', p, {});
  document.getElementById('allCasesFull').href = csvLink('cases', p, { phones: 'full' });
}

function showWorkload(workload) {
  const section = document.getElementById('workloadSection');
  const target = document.getElementById('workload');
  target.replaceChildren();
  section.hidden = false;
  if (!workload.sites.length) {
    target.textContent = '暂无待审核任务或审核记录。';
  }
  for (const site of workload.sites) {
    const div = document.createElement('div');
    div.className = 'workload-site';
    const title = document.createElement('h3');
    title.textContent = site.name + '（' + site.site + '）：待审核 ' + site.openReviewTasks + ' 件，其中未认领 '
      + site.unclaimed + ' 件';
    div.append(title);
    if (site.claimed.length) {
      const table = document.createElement('table');
      const head = table.createTHead().insertRow();
      ['考生编号', '审核环节', '认领人', '认领时间', '已认领', '任务产生时间'].forEach(t => {
        const th = document.createElement('th');
        th.textContent = t;
        head.append(th);
      });
      const body = table.createTBody();
      for (const claim of site.claimed) {
        const row = body.insertRow();
        cell(row, claim.candidateNo);
        cell(row, STAGES[claim.stage] || claim.stage);
        cell(row, claim.claimedBy);
        cell(row, time(claim.claimedAt));
        const hours = Math.floor(claim.claimedForMinutes / 60);
        cell(row, hours >= 24 ? Math.floor(hours / 24) + ' 天 ' + (hours % 24) + ' 小时'
          : hours + ' 小时 ' + (claim.claimedForMinutes % 60) + ' 分', claim.claimedForMinutes > 1440 ? 'overdue' : '');
        cell(row, time(claim.waitingSince));
      }
      div.append(table);
    }
    if (site.decisions.length) {
      const p = document.createElement('p');
      p.className = 'note';
      p.textContent = '每日审核量：' + site.decisions.slice(0, 30)
        .map(d => d.day + ' ' + (d.reviewer || '未知') + ' ' + d.decisions + ' 件').join('；');
      div.append(p);
    }
    target.append(div);
  }
}

function showExports(exports) {
  document.getElementById('exportsSection').hidden = false;
  document.getElementById('fullPhones').hidden = false;
  const body = document.querySelector('#exports tbody');
  body.replaceChildren();
  const kinds = { CASES: '考生名单', SERIAL_NUMBERS: '序列号名单', RETURNED: '退回待补传名单' };
  for (const e of exports.slice(0, 50)) {
    const row = body.insertRow();
    cell(row, time(e.exportedAt));
    cell(row, e.exportedBy);
    cell(row, kinds[e.kind] || e.kind);
    cell(row, e.region + ' ' + e.examYear + (e.site ? ' 考点 ' + e.site : '') + (e.status ? ' ' + e.status : ''));
    cell(row, e.fullPhones ? '是' : '否', e.fullPhones ? 'overdue' : '');
    cell(row, e.rows === null ? '—' : e.rows, 'num');
  }
}

async function load() {
  const p = params();
  document.getElementById('region').value = p.region;
  document.getElementById('year').value = p.year;
  const error = document.getElementById('error');
  error.textContent = '';
  const query = '?region=' + encodeURIComponent(p.region) + '&year=' + encodeURIComponent(p.year);
  try {
    const [progress, daily] = await Promise.all([
      getJson('../api/admin/progress' + query), getJson('../api/admin/progress/daily' + query)]);
    document.getElementById('asOf').textContent = '数据时间：' + time(progress.asOf);
    showTotals(progress, p);
    showSitesChart(progress, p);
    showDaily(daily);
    showSitesTable(progress, p);
    getJson('../api/admin/workload' + query).then(showWorkload).catch(() => {
      document.getElementById('workloadSection').hidden = true;
    });
    getJson('../api/admin/exports').then(showExports).catch(() => {
      document.getElementById('exportsSection').hidden = true;
    });
    document.body.dataset.loaded = 'true';
  } catch (e) {
    if (e.message === 'LOGIN') {
      error.replaceChildren('请先以审核人员或考区管理员身份', Object.assign(document.createElement('a'),
        { href: '../login.html', textContent: '登录' }), '，再打开本页。');
    } else {
      error.textContent = e.message;
    }
  }
}

charts.sites = echarts.init(document.getElementById('sitesChart'));
charts.daily = echarts.init(document.getElementById('dailyChart'));
window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));
document.getElementById('query').addEventListener('submit', event => {
  event.preventDefault();
  history.replaceState(null, '', '?region=' + document.getElementById('region').value + '&year='
    + document.getElementById('year').value);
  load();
});
load();
