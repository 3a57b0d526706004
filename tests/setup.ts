// jest-dom matchers for component tests (files that opt in to jsdom).
import '@testing-library/jest-dom/vitest';
