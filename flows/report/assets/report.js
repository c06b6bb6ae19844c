// The report's script: inlined into the page by flows/report/page.py; reads #sitrep-data.
(function () {
  const data = JSON.parse(document.getElementById("sitrep-data").textContent);
  const config = { displaylogo: false, responsive: true };
  const esc = (s) => String(s == null ? "" : s).replace(/[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  const num = (v) => (v == null ? "–" : Number(v).toLocaleString("en"));
  const range = (d) => (d.low === d.high ? num(d.best) : `${num(d.best)} (${num(d.low)}–${num(d.high)})`);
  const links = (urls) => urls.map((u, i) => `<a href="${esc(u)}" target="_blank" rel="noopener">report ${i + 1}</a>`).join(" ");
  const fill = (id, rows, cells) => {
    document.getElementById(id).innerHTML = rows.map((r) => `<tr>${cells(r)}</tr>`).join("");
  };
  fill("change-body", data.change, (r) => {
    const c = r.change_pct;
    const cls = c == null ? "" : c > 0 ? "up" : c < 0 ? "down" : "";
    const txt = c == null ? "–" : `${c > 0 ? "+" : ""}${c}%`;
    const mean = r.previous_mean == null ? "–" : r.previous_mean.toFixed(1);
    return `<td>${esc(r.type)}</td><td class="num">${r.last_week}</td><td class="num">${mean}</td><td class="num ${cls}">${txt}</td>`;
  });
  fill("places-body", data.top_places, (r) =>
    `<td>${esc(r.place)}</td><td>${esc(r.country)}</td><td class="num">${r.incidents}</td><td class="num">${r.fatalities}</td>`);
  fill("actors-body", data.top_actors, (r) =>
    `<td>${esc(r.actor)}</td><td class="num">${r.incidents}</td><td class="num">${r.fatalities}</td>`);
  fill("latest-body", data.latest.rows, (r) =>
    `<td>${esc(r.date || "undated")}</td><td>${esc(r.type)}</td><td>${esc(r.place || "")}${r.country ? " (" + esc(r.country) + ")" : ""}</td>` +
    `<td class="num">${range(r)}</td><td class="num">${r.reports}</td><td class="evidence">${esc(r.evidence)}</td><td class="links">${links(r.urls)}</td>`);
  const q = data.quality;
  const pct = (v) => `${(100 * v).toFixed(1)}%`;
  const kv = (o) => Object.entries(o).map(([k, v]) => `<tr><td>${esc(k)}</td><td class="num">${num(v)}</td></tr>`).join("") || "<tr><td>none</td><td></td></tr>";
  document.getElementById("quality").innerHTML =
    `<table><tr><td>without a date</td><td class="num" data-figure="undated">${pct(q.undated_share)}</td></tr>` +
    `<tr><td>without a place</td><td class="num" data-figure="unplaced">${pct(q.unplaced_share)}</td></tr>` +
    `<tr><td>without coordinates (not on the map)</td><td class="num">${pct(q.no_coordinates_share)}</td></tr></table>` +
    `<h2 style="margin-top:10px">geo precision</h2><table>${kv(q.geo_precision)}</table>` +
    `<h2 style="margin-top:10px">rejects by kind (whole output)</h2><table>${kv(q.rejects)}</table>` +
    `<h2 style="margin-top:10px">extractor version</h2><table>${kv(q.extractor_versions)}</table>`;
  const detail = document.getElementById("map-detail");
  const showMarker = (m) => {
    const items = m.details.map((d) =>
      `<div class="item"><b>${esc(d.date || "undated")}</b> · ${esc(d.type)} · ${range(d)} · ${d.reports} report(s)` +
      `${d.actor ? " · " + esc(d.actor) : ""}<br><span class="evidence">${esc(d.evidence)}</span><br><span class="links">${links(d.urls)}</span></div>`).join("");
    const more = m.more ? `<p class="help">${m.more} older incidents here are not listed: see the Parquet data.</p>` : "";
    detail.innerHTML = `<h2>${esc(m.place)} · ${esc(m.type)}</h2><p class="help">${m.incidents} incidents, ${m.reports} reports, ${m.fatalities} killed, latest ${esc(m.latest || "undated")}</p>${items}${more}`;
  };
  const drawn = [
    Plotly.newPlot("weekly", data.charts.weekly.data, data.charts.weekly.layout, config),
    Plotly.newPlot("fatalities", data.charts.fatalities.data, data.charts.fatalities.layout, config),
    Plotly.newPlot("map", data.charts.map.data, data.charts.map.layout, { ...config, scrollZoom: true }),
  ];
  Promise.all(drawn).then(([, , map]) => {
    map.on("plotly_click", (event) => {
      const point = event.points.find((p) => p.customdata != null);
      if (point) showMarker(data.map.markers[point.customdata]);
    });
    if (data.map.markers.length) showMarker(data.map.markers[0]);
    document.body.dataset.ready = "1";
  });
})();
