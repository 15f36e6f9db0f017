// The command board's charts (Apache ECharts, served by the app). Data comes from the page's #board-data element;
// every chart item links to the list behind it.
(function () {
  'use strict';
  var el = document.getElementById('board-data');
  if (!el || typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(el.textContent);
  var base = '/board/' + data.campaignId;
  var L = data.labels;
  var screen = document.body.classList.contains('screen');
  var text = screen ? '#e8eef7' : '#333';
  var charts = [];

  function chart(id, option, onClick) {
    var node = document.getElementById(id);
    if (!node) {
      return;
    }
    var c = echarts.init(node, null, {renderer: 'svg'});
    option.textStyle = {color: text};
    c.setOption(option);
    if (onClick) {
      c.on('click', onClick);
    }
    charts.push(c);
  }

  function day(s) {
    return new Date(s + 'T00:00:00').getTime();
  }

  // Phase timeline: each phase from start to end, its accepted share filled in, today marked.
  var phases = data.phases.filter(function (p) { return p.start !== 'null' && p.end !== 'null'; });
  chart('timeline', {
    animation: !screen,
    grid: {left: 10, right: 30, top: 24, bottom: 10, containLabel: true},
    tooltip: {formatter: function (p) {
      var ph = phases[p.value[0]];
      return ph.name + '<br>' + ph.start + ' – ' + ph.end + '<br>' + L.progress + ' ' + ph.accepted + ' / ' + ph.tasks;
    }},
    xAxis: {type: 'time', axisLabel: {color: text}},
    yAxis: {type: 'category', inverse: true, data: phases.map(function (p) { return p.name; }), axisLabel: {color: text}},
    series: [{
      type: 'custom',
      encode: {x: [1, 2], y: 0},
      data: phases.map(function (p, i) {
        return [i, day(p.start), day(p.end) + 86400000, p.tasks ? p.accepted / p.tasks : 0];
      }),
      renderItem: function (params, api) {
        var start = api.coord([api.value(1), api.value(0)]);
        var end = api.coord([api.value(2), api.value(0)]);
        var h = api.size([0, 1])[1] * 0.5;
        var w = end[0] - start[0];
        return {type: 'group', children: [
          {type: 'rect', shape: {x: start[0], y: start[1] - h / 2, width: w, height: h}, style: {fill: '#c9d7ea'}},
          {type: 'rect', shape: {x: start[0], y: start[1] - h / 2, width: w * api.value(3), height: h},
            style: {fill: '#2f7d32'}}
        ]};
      }
    }, {
      type: 'line', data: [], markLine: {symbol: 'none',
        label: {formatter: L.today + ' ' + data.today, color: text, position: 'start'},
        lineStyle: {color: '#d32f2f', type: 'solid', width: 2}, data: [{xAxis: day(data.today)}]}
    }]
  }, function (p) {
    if (p.seriesType === 'custom') {
      location.href = base + '/tasks?phase=' + phases[p.value[0]].phase;
    }
  });

  // Ranking: the month's scores, best first.
  var ranking = data.ranking.slice(0, 20);
  chart('ranking', {
    animation: !screen,
    grid: {left: 10, right: 40, top: 10, bottom: 10, containLabel: true},
    tooltip: {},
    xAxis: {type: 'value', max: 100, axisLabel: {color: text}},
    yAxis: {type: 'category', inverse: true, data: ranking.map(function (s) { return s.rank + '. ' + s.unitName; }),
      axisLabel: {color: text}},
    series: [{type: 'bar', name: L.score, data: ranking.map(function (s) {
      return {value: Number(s.score), itemStyle: {color: s.overdueTasks > 0 ? '#d32f2f' : '#2f7d32'}};
    }), label: {show: true, position: 'right', color: text}}]
  }, function (p) {
    location.href = base + '/tasks?unit=' + encodeURIComponent(ranking[p.dataIndex].unitCode);
  });

  // Readiness: each area's self-inspection score against its maximum.
  if (data.areas.length) {
    chart('areas', {
      animation: !screen,
      grid: {left: 10, right: 10, top: 30, bottom: 10, containLabel: true},
      legend: {textStyle: {color: text}},
      tooltip: {trigger: 'axis'},
      xAxis: {type: 'category', data: data.areas.map(function (a) { return a.name; }),
        axisLabel: {color: text, interval: 0, rotate: data.areas.length > 4 ? 30 : 0, width: 90, overflow: 'truncate'}},
      yAxis: {type: 'value', axisLabel: {color: text}},
      series: [
        {type: 'bar', name: L.score, data: data.areas.map(function (a) { return Number(a.score); })},
        {type: 'bar', name: L.max, data: data.areas.map(function (a) { return Number(a.maxPoints); }),
          itemStyle: {color: '#c9d7ea'}}
      ]
    });
  }

  // Patrol cases: 结案率, 按期结案率 and 返工率 over twelve months; a point opens that month's cases.
  function pct(v) { return Math.round(v * 1000) / 10; }
  chart('patrol', {
    animation: !screen,
    grid: {left: 40, right: 10, top: 30, bottom: 30},
    legend: {textStyle: {color: text}},
    tooltip: {trigger: 'axis', valueFormatter: function (v) { return v + '%'; }},
    xAxis: {type: 'category', data: data.patrol.map(function (t) { return t.month; }), axisLabel: {color: text}},
    yAxis: {type: 'value', max: 100, axisLabel: {color: text, formatter: '{value}%'}},
    series: [
      // a month with no case due to close has no rate (a gap, not 0%)
      {type: 'line', name: L.closure, data: data.patrol.map(function (t) { return t.dueToClose ? pct(t.closureRate) : null; })},
      {type: 'line', name: L.onTime, data: data.patrol.map(function (t) { return t.dueToClose ? pct(t.onTimeRate) : null; })},
      {type: 'line', name: L.rework, data: data.patrol.map(function (t) { return pct(t.reworkRate); })}
    ]
  }, function (p) {
    var month = data.patrol[p.dataIndex].month;
    location.href = base + '/cases?' + (p.seriesIndex === 2 ? 'closed=' : 'due=') + month;
  });

  window.addEventListener('resize', function () {
    charts.forEach(function (c) { c.resize(); });
  });
  document.body.setAttribute('data-charts', String(charts.length));
}());
