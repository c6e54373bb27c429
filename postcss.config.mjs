// PostCSS runs Tailwind 4; the theme itself lives in tailwind.config.ts.

const postcssConfig = {
  plugins: {
    '@tailwindcss/postcss': {},
  },
};

export default postcssConfig;
