// 检查答复: sends the draft reply to the reply check and shows its flags beside the form as advice.
// The check never holds the reply back: a slow, failed or empty answer leaves the form as it was.
(function () {
    const token = document.querySelector('meta[name="csrf-token"]');
    const line = (text, className) => {
        const p = document.createElement('p');
        if (className) { p.className = className; }
        p.textContent = text;
        return p;
    };
    const show = (box, flags) => {
        if (flags.length === 0) {
            box.replaceChildren(line('未发现雷同、答非所问或空头承诺。', 'muted'));
        } else {
            const list = document.createElement('ul');
            flags.forEach(f => {
                const item = document.createElement('li');
                const label = document.createElement('strong');
                label.textContent = `${f.label}：`;
                item.append(label, document.createTextNode(f.detail));
                if (f.similarCaseId) {
                    const link = document.createElement('a');
                    link.href = `/cases/${encodeURIComponent(f.similarCaseId)}`;
                    link.textContent = '查看此前工单';
                    item.append(document.createTextNode(' '), link);
                }
                list.append(item);
            });
            box.replaceChildren(line('答复质量提示（仅供参考，可照常提交）：'), list);
        }
        box.hidden = false;
    };
    document.querySelectorAll('[data-reply-check]').forEach(button => {
        button.addEventListener('click', async () => {
            const text = document.getElementById(button.dataset.target);
            const box = document.querySelector(`[data-reply-flags="${button.dataset.target}"]`);
            if (!text || !box) { return; }
            if (text.value.trim().length === 0) {
                box.replaceChildren(line('请先填写答复内容。', 'muted'));
                box.hidden = false;
                return;
            }
            button.disabled = true;
            try {
                const response = await fetch(button.dataset.replyCheck, {
                    method: 'POST',
                    credentials: 'same-origin',
                    headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': token ? token.content : '' },
                    body: JSON.stringify({ content: text.value }),
                });
                if (response.ok) {
                    show(box, (await response.json()).flags);
                } else {
                    box.replaceChildren(line('暂时无法检查，可直接提交答复。', 'muted'));
                    box.hidden = false;
                }
            } catch (e) {
                box.replaceChildren(line('暂时无法检查，可直接提交答复。', 'muted'));
                box.hidden = false;
            } finally {
                button.disabled = false;
            }
        });
    });
})();
