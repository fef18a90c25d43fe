/**
 * Largest-Triangle-Three-Buckets (Steinarsson, 2013): keeps the points that shape a line, so
 * 10,000 monthly figures draw as fast as 500 and still show every peak and trough that a
 * pixel-wide chart can. The first and last points are always kept.
 */
export function downsample<Point>(points: readonly Point[], threshold: number, y: (point: Point) => number): Point[] {
  if (threshold >= points.length || threshold < 3) return [...points];
  const sampled: Point[] = [points[0]!];
  const bucketSize = (points.length - 2) / (threshold - 2);
  let previous = 0;
  for (let bucket = 0; bucket < threshold - 2; bucket++) {
    // The average of the next bucket is the third corner of the triangle.
    const nextStart = Math.floor((bucket + 1) * bucketSize) + 1;
    const nextEnd = Math.min(Math.floor((bucket + 2) * bucketSize) + 1, points.length);
    let averageX = 0;
    let averageY = 0;
    for (let i = nextStart; i < nextEnd; i++) {
      averageX += i;
      averageY += y(points[i]!);
    }
    const count = Math.max(1, nextEnd - nextStart);
    averageX /= count;
    averageY /= count;

    const start = Math.floor(bucket * bucketSize) + 1;
    const end = Math.floor((bucket + 1) * bucketSize) + 1;
    const previousY = y(points[previous]!);
    let largestArea = -1;
    let chosen = start;
    for (let i = start; i < end; i++) {
      const area = Math.abs((previous - averageX) * (y(points[i]!) - previousY) - (previous - i) * (averageY - previousY));
      if (area > largestArea) {
        largestArea = area;
        chosen = i;
      }
    }
    sampled.push(points[chosen]!);
    previous = chosen;
  }
  sampled.push(points[points.length - 1]!);
  return sampled;
}

/** Above this many points a line chart is downsampled and drawn without animation. */
export const MAX_DRAWN_POINTS = 600;
