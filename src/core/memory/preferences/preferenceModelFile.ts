// The committed model file as a module of its own, so PreferenceClassifier can require it on first use
// (esbuild then defers evaluating it) while tsc still copies the JSON next to the compiled tests.
import modelFile from './preferenceModel.json';

export default modelFile;
