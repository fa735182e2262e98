// 领导驾驶舱: draws the charts from the figures embedded in the page; clicking a data point opens its records.
(function () {
    const data = JSON.parse(document.getElementById('dashboard-data').textContent);
    const go = url => { if (url) { window.location.href = url; } };
    const make = (id, option, urlOf) => {
        const el = document.getElementById(id);
        if (!el) { return; }
        const chart = echarts.init(el);
        chart.setOption(option);
        chart.on('click', p => go(urlOf(p)));
        window.addEventListener('resize', () => chart.resize());
    };

    const months = data.trend.map(m => m.month);
    make('chart-trend', {
        tooltip: { trigger: 'axis' },
        legend: { data: ['受理诉求', '超期办理', '满意率'] },
        xAxis: { type: 'category', data: months },
        yAxis: [{ type: 'value', name: '件' }, { type: 'value', name: '满意率', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }],
        series: [
            { name: '受理诉求', type: 'line', data: data.trend.map(m => m.registered.value) },
            { name: '超期办理', type: 'line', data: data.trend.map(m => m.overdue.value) },
            { name: '满意率', type: 'line', yAxisIndex: 1, data: data.trend.map(m => Math.round(m.satisfactionRate * 1000) / 10) },
        ],
    }, p => {
        const m = data.trend[p.dataIndex];
        return p.seriesIndex === 0 ? m.registered.url : p.seriesIndex === 1 ? m.overdue.url : m.satisfied.url;
    });

    make('chart-units', {
        tooltip: {},
        xAxis: { type: 'category', data: data.units.map(u => u.unitName), axisLabel: { interval: 0, rotate: 30 } },
        yAxis: { type: 'value', name: '综合得分', max: 100 },
        series: [{ name: '综合得分', type: 'bar', data: data.units.map(u => u.score) }],
    }, p => data.units[p.dataIndex].dispatched.url);

    const unitNames = [...new Set(data.problemKinds.map(p => p.unitName))];
    const kinds = [...new Set(data.problemKinds.map(p => p.problemName))];
    const cell = (unit, kind) => data.problemKinds.find(p => p.unitName === unit && p.problemName === kind);
    make('chart-problems', {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { data: kinds },
        xAxis: { type: 'category', data: unitNames },
        yAxis: { type: 'value', name: '条', minInterval: 1 },
        series: kinds.map(kind => ({ name: kind, type: 'bar', stack: 'kinds', data: unitNames.map(u => (cell(u, kind) || { clues: { value: 0 } }).clues.value) })),
    }, p => { const c = cell(p.name, p.seriesName); return c && c.clues.url; });

    const statuses = data.rectification.byStatus;
    make('chart-rectification', {
        tooltip: { trigger: 'item' },
        legend: { bottom: 0 },
        series: [{ name: '整改状态', type: 'pie', radius: '60%', data: statuses.map(s => ({ name: s.label, value: s.items.value })) }],
    }, p => statuses[p.dataIndex].items.url);

    const acc = data.accountability;
    make('chart-accountability', {
        tooltip: { trigger: 'axis' },
        legend: { data: ['问责立项', '作出问责决定'] },
        xAxis: { type: 'category', data: acc.trend.map(m => m.month) },
        yAxis: { type: 'value', name: '件', minInterval: 1 },
        series: [
            { name: '问责立项', type: 'bar', data: acc.trend.map(m => m.opened.value) },
            { name: '作出问责决定', type: 'bar', data: acc.trend.map(m => m.decided.value) },
        ],
    }, p => { const m = acc.trend[p.dataIndex]; return p.seriesIndex === 0 ? m.opened.url : m.decided.url; });

    make('chart-forms', {
        tooltip: {},
        xAxis: { type: 'category', data: acc.byForm.map(f => f.label), axisLabel: { interval: 0, rotate: 30 } },
        yAxis: { type: 'value', name: '件', minInterval: 1 },
        series: [{ name: '问责方式', type: 'bar', data: acc.byForm.map(f => f.items.value) }],
    }, p => acc.byForm[p.dataIndex].items.url);

    make('chart-categories', {
        tooltip: { trigger: 'item' },
        legend: { bottom: 0 },
        series: [{ name: '四种形态', type: 'pie', radius: '55%', data: acc.byCategory.map(f => ({ name: f.label, value: f.items.value })) }],
    }, p => acc.byCategory[p.dataIndex].items.url);

    const others = acc.exemptions.concat(acc.typicalCases);
    make('chart-exemptions', {
        tooltip: {},
        xAxis: { type: 'category', data: others.map(f => f.label) },
        yAxis: { type: 'value', name: '件', minInterval: 1 },
        series: [{ name: '件数', type: 'bar', data: others.map(f => f.items.value) }],
    }, p => others[p.dataIndex].items.url);
})();
