/**
 * Opening any material read-only from any HR page: `useOpenMaterial()(ref)` or a link to
 * `materialHref(ref, location.search)`; the one `<MaterialDrawer />` HR's workspace mounts shows it.
 */
export {
  MATERIAL_KINDS,
  MATERIAL_PARAM,
  decodeMaterialRef,
  encodeMaterialRef,
  materialHref,
  materialKindLabels,
  materialLabel,
  materialPeriodKey,
  periodInWords,
  type MaterialKind,
  type MaterialRef,
  type MaterialVersion,
} from './ref';
export { useMaterialParam, useOpenMaterial } from './useOpenMaterial';
export { MaterialDrawer } from './MaterialDrawer';
