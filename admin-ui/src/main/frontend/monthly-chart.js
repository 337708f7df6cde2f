import { Chart, registerables } from 'chart.js';

Chart.register(...registerables);

const COLORS = ['#1676f3', '#e8590c', '#2f9e44', '#ae3ec9', '#f59f00', '#0c8599', '#c2255c', '#5c940d',
  '#364fc7', '#868e96', '#d9480f', '#099268'];

/**
 * A Chart.js line or bar chart of monthly values. The server sets `config`:
 * {kind, title, locale, format (Intl.NumberFormat options), labels, series: [{label, kind, values}]}; a null value is a
 * month where the metric is undefined, drawn as a gap.
 */
class MonthlyChart extends HTMLElement {
  connectedCallback() {
    // A value the server set before this element was defined sits on the instance and hides the setter.
    if (Object.prototype.hasOwnProperty.call(this, 'config')) {
      const early = this.config;
      delete this.config;
      this.config = early;
    }
    if (!this.canvas) {
      this.style.display = 'block';
      this.style.position = 'relative';
      this.canvas = document.createElement('canvas');
      this.canvas.setAttribute('role', 'img');
      this.appendChild(this.canvas);
    }
    this.render();
  }

  disconnectedCallback() {
    this.chart?.destroy();
    this.chart = undefined;
  }

  set config(value) {
    this._config = value;
    this.render();
  }

  get config() {
    return this._config;
  }

  render() {
    if (!this.isConnected || !this.canvas || !this._config) {
      return;
    }
    const config = this._config;
    const number = new Intl.NumberFormat(config.locale, config.format);
    const shown = (value) => (value === null || value === undefined ? '—' : number.format(value));
    this.canvas.setAttribute('aria-label', config.title);
    this.chart?.destroy();
    this.chart = new Chart(this.canvas, {
      type: config.kind,
      data: {
        labels: config.labels,
        datasets: config.series.map((series, index) => ({
          type: series.kind,
          label: series.label,
          data: series.values,
          borderColor: COLORS[index % COLORS.length],
          backgroundColor: COLORS[index % COLORS.length] + (series.kind === 'bar' ? 'cc' : '33'),
          order: series.kind === 'line' ? 0 : 1,
          spanGaps: false,
          pointRadius: 3,
          tension: 0,
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { y: { beginAtZero: true, ticks: { callback: shown } } },
        plugins: {
          legend: { position: 'bottom' },
          tooltip: { callbacks: { label: (context) => `${context.dataset.label}: ${shown(context.parsed.y)}` } },
        },
      },
    });
    this.setAttribute('rendered', '');
  }
}

customElements.define('monthly-chart', MonthlyChart);
