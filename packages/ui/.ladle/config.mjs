/** @type {import('@ladle/react').UserConfig} */
export default {
  stories: "src/**/*.stories.tsx",
  outDir: "dist/catalogue",
  defaultStory: "",
};
