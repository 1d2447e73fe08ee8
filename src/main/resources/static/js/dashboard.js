/*
 * Draws the dashboard's charts with Apache ECharts (as SVG) from the figures the page carries in data attributes:
 * data-kind (bar, hbar, pie), data-labels (categories) and data-series ([{name, color, values}]). The same figures
 * stand in the tables under each chart; without this script the page still shows them.
 */
(function () {
  'use strict';
  var font = '"IPAexGothic", "Hiragino Sans", "Noto Sans JP", "Yu Gothic", sans-serif';

  function option(kind, labels, series, stacked) {
    if (kind === 'pie') {
      return {
        animation: false,
        textStyle: {fontFamily: font},
        tooltip: {trigger: 'item'},
        legend: {bottom: 0},
        series: [{
          type: 'pie', radius: ['35%', '65%'], label: {formatter: '{c} ({d}%)'},
          data: labels.map(function (label, i) {
            return {name: label, value: series[0].values[i], itemStyle: {color: i === 0 ? '#1e7b34' : '#b3261e'}};
          })
        }]
      };
    }
    var horizontal = kind === 'hbar';
    var category = {type: 'category', data: labels, axisLabel: {interval: 0, width: horizontal ? 190 : 110, overflow: 'break'}};
    var value = {type: 'value', minInterval: 1};
    return {
      animation: false,
      textStyle: {fontFamily: font},
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
      legend: series.length > 1 ? {top: 0} : undefined,
      grid: {left: 10, right: 20, top: series.length > 1 ? 36 : 12, bottom: 10, containLabel: true},
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? Object.assign({inverse: true}, category) : value,
      series: series.map(function (s) {
        return {name: s.name, type: 'bar', stack: stacked ? 'all' : undefined, data: s.values, barMaxWidth: 36,
          itemStyle: {color: s.color}};
      })
    };
  }

  document.querySelectorAll('.chart[data-kind]').forEach(function (element) {
    var labels = JSON.parse(element.getAttribute('data-labels'));
    if (labels.length === 0) {
      element.classList.add('empty');
      return;
    }
    var chart = echarts.init(element, null, {renderer: 'svg'});
    chart.setOption(option(element.getAttribute('data-kind'), labels, JSON.parse(element.getAttribute('data-series')),
      element.getAttribute('data-stacked') === 'true'));
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();
