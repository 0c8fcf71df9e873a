// The register's table is shared with HR's material panel: one definition in records/.
export { RegisterTable } from '../../../records/materials/RegisterTable';
