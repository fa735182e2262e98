// 问责 pages: the opening form fills the subject in from the chosen source and shows the unit's 一把手 and 分管领导;
// the decision form previews the 政务处分 that will be executed and its period (政务处分法 Arts. 8 and 15).
(() => {
    const open = document.getElementById('open-form');
    if (open) {
        const pick = (name, value) => { const r = open.querySelector(`input[name="${name}"][value="${value}"]`); if (r) { r.checked = true; } };
        const unit = open.elements['UnitId'], cadre = open.elements['CadreId'], facts = open.elements['Facts'];
        const showLeaders = () => {
            const o = unit.selectedOptions[0];
            document.getElementById('unit-head').textContent = (o && o.dataset.head) || '未登记';
            document.getElementById('unit-deputy').textContent = (o && o.dataset.deputy) || '未登记';
        };
        unit.addEventListener('change', () => { pick('Subject', 'unit'); showLeaders(); });
        cadre.addEventListener('change', () => { if (cadre.value) { pick('Subject', 'cadre'); } });
        open.querySelectorAll('select[data-source]').forEach(s => s.addEventListener('change', () => {
            const o = s.selectedOptions[0];
            if (!o || !o.value) { return; }
            pick('Source', s.dataset.source);
            if (o.dataset.unit) { unit.value = o.dataset.unit; showLeaders(); }
            if (o.dataset.cadre) { cadre.value = o.dataset.cadre; pick('Subject', 'cadre'); } else { pick('Subject', 'unit'); }
            if (!facts.value.trim() && o.dataset.facts) { facts.value = o.dataset.facts; }
        }));
    }

    const decide = document.getElementById('decide-form');
    const preview = document.getElementById('sanction-preview');
    if (!decide || !preview) { return; }
    const order = ['warning', 'demerit', 'majordemerit', 'demotion', 'dismissal', 'expulsion'];
    const selects = [...decide.querySelectorAll('select[data-sanction]')];
    const combined = decide.elements['decide.CombinedMonths'];
    const from = decide.elements['decide.SanctionFrom'];
    const pad = n => String(n).padStart(2, '0');
    const fmt = d => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    // The last day of the period: from + months (clamped to the month's end, as .NET's AddMonths), less one day.
    const lastDay = (start, months) => {
        const [y, m, d] = start.split('-').map(Number);
        const target = new Date(y, m - 1 + months, 1);
        const days = new Date(target.getFullYear(), target.getMonth() + 1, 0).getDate();
        const end = new Date(target.getFullYear(), target.getMonth(), Math.min(d, days));
        end.setDate(end.getDate() - 1);
        return fmt(end);
    };
    const update = () => {
        const acts = selects.map(s => s.value).filter(v => v);
        if (acts.length === 0) { preview.hidden = true; return; }
        const heaviest = acts.reduce((a, b) => order.indexOf(b) > order.indexOf(a) ? b : a);
        const option = selects.map(s => s.selectedOptions[0]).find(o => o.value === heaviest);
        const label = option.textContent.split('（')[0].trim();
        const months = Number(option.dataset.months || 0);
        const start = from.value;
        const period = m => start ? `，处分期间 ${start} 至 ${lastDay(start, m)}（${m}个月）` : `，处分期间${m}个月`;
        let text;
        if (acts.length > 1 && acts.every(a => a === heaviest) && order.indexOf(heaviest) < order.indexOf('dismissal')) {
            const max = Math.min(months * acts.length, 48);
            const chosen = Number(combined.value);
            text = `${acts.length}项均为${label}：合并后的处分期间应在${months}至${max}个月之间`
                + (chosen >= months && chosen <= max ? `；执行${label}${period(chosen)}` : '，请填写合并后的处分期间');
        } else {
            text = (acts.length > 1 && new Set(acts).size > 1 ? `种类不同，执行最重的${label}` : `执行${label}`) + (months ? period(months) : '，无期限');
        }
        preview.textContent = text;
        preview.hidden = false;
    };
    [...selects, combined, from].forEach(e => e.addEventListener('input', update));
    [...selects].forEach(e => e.addEventListener('change', update));
    update();
})();
