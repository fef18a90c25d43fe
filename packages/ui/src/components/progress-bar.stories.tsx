import { ProgressBar } from "./progress-bar.js";

export const BehindSchedule = () => <ProgressBar completionRate="35.37" physicalProgress="21.6" scheduleElapsed="61.33" />;
export const OnSchedule = () => <ProgressBar completionRate="77.93" physicalProgress="92" scheduleElapsed="85.82" />;
export const NotReported = () => <ProgressBar completionRate={null} physicalProgress={null} />;
export const Compact = () => (
  <div style={{ width: 200 }}>
    <ProgressBar completionRate="48.65" physicalProgress="69.83" compact />
  </div>
);
