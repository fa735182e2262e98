// 推荐分类: once the content is written, ask the suggestion model and offer its categories as one-click chips.
// It runs beside intake, never in its way: a slow, failed or empty answer leaves the form as it was.
(function () {
    const box = document.querySelector('[data-suggest]');
    if (!box) { return; }
    const title = document.getElementById(box.dataset.title);
    const content = document.getElementById(box.dataset.content);
    const select = document.getElementById(box.dataset.target);
    const token = document.querySelector('meta[name="csrf-token"]');
    let asked = '';
    const note = text => {
        const span = document.createElement('span');
        span.className = 'muted';
        span.textContent = text;
        return span;
    };
    const show = view => {
        box.replaceChildren(note('推荐分类：'));
        const chips = view.categories.map(c => {
            const option = Array.from(select.options).find(o => o.value === c.code);
            if (!option) { return null; }
            const chip = document.createElement('button');
            chip.type = 'button';
            chip.className = 'chip';
            chip.dataset.pick = c.code;
            chip.dataset.target = select.id;
            chip.textContent = `${option.textContent}（${Math.round(c.score * 100)}%）`;
            return chip;
        }).filter(c => c);
        if (chips.length === 0) {
            box.replaceChildren(note('推荐分类：暂无（尚无可供学习的历史工单）'));
        } else {
            box.append(...chips);
            if (view.categoryReasons.length > 0) { box.append(note(`依据：${view.categoryReasons.join('、')}`)); }
        }
        box.hidden = false;
    };
    const ask = async () => {
        const text = content.value.trim();
        if (text.length < 5 || text === asked) { return; }
        asked = text;
        try {
            const response = await fetch(box.dataset.suggest, {
                method: 'POST',
                credentials: 'same-origin',
                headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': token ? token.content : '' },
                body: JSON.stringify({ title: title.value, content: text }),
            });
            if (response.ok) { show(await response.json()); }
        } catch (e) {
            // a suggestion is a help, never a step of intake
        }
    };
    content.addEventListener('change', ask);
    title.addEventListener('change', () => { asked = ''; ask(); });
})();
