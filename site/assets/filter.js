/* 事業一覧（棚卸一覧）を分野と機能で絞り込みます。
   スクリプトが動かないときは、絞り込みの欄は隠れたまま、表はすべて表示されます。
   ?field=高齢&function=相談支援 のように URL で絞り込みを指定することもできます。 */
(function () {
  'use strict';
  var form = document.getElementById('service-filter');
  if (!form) return;
  var table = document.getElementById(form.getAttribute('data-table') || '');
  var field = document.getElementById('filter-field');
  var func = document.getElementById('filter-function');
  var status = document.getElementById('filter-status');
  if (!table || !table.tBodies.length || !field || !func || !status) return;
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);

  function hasOption(select, value) {
    for (var i = 0; i < select.options.length; i++) {
      if (select.options[i].value === value) return true;
    }
    return false;
  }

  function remember() {
    if (!window.history || !window.history.replaceState) return;
    var params = new URLSearchParams();
    if (field.value) params.set('field', field.value);
    if (func.value) params.set('function', func.value);
    var query = params.toString();
    try {
      window.history.replaceState(null, '', query ? '?' + query : window.location.pathname);
    } catch (e) {
      /* file:// で使えないブラウザーもあります。絞り込み自体は続けます。 */
    }
  }

  function apply() {
    var f = field.value;
    var g = func.value;
    var shown = 0;
    rows.forEach(function (row) {
      var functions = (row.getAttribute('data-functions') || '').split('|');
      var match = (!f || row.getAttribute('data-field') === f) && (!g || functions.indexOf(g) >= 0);
      row.hidden = !match;
      if (match) shown++;
    });
    if (!f && !g) {
      status.textContent = '';
    } else {
      var what = [f ? '分野「' + f + '」' : '', g ? '機能「' + g + '」' : ''].filter(Boolean).join('、');
      status.textContent = what + 'の事業は ' + shown + '件です（全' + rows.length + '件）。';
    }
  }

  var params = new URLSearchParams(window.location.search);
  if (params.get('field') && hasOption(field, params.get('field'))) field.value = params.get('field');
  if (params.get('function') && hasOption(func, params.get('function'))) func.value = params.get('function');

  form.hidden = false;
  form.addEventListener('change', function () {
    apply();
    remember();
  });
  form.addEventListener('reset', function () {
    window.setTimeout(function () {
      apply();
      remember();
    }, 0);
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    apply();
  });
  apply();
})();
